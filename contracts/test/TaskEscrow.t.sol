// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ITaskEscrow} from "../interfaces/ITaskEscrow.sol";
import {RewardsDistributor} from "../RewardsDistributor.sol";
import {TaskEscrow} from "../TaskEscrow.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {FeeToken, ReentrantToken, TestToken} from "./TestTokens.sol";
import {Test} from "./utils/Vm.sol";

contract TaskEscrowTest is Test {
    TaskEscrow internal escrow;
    RewardsDistributor internal distributor;
    TestToken internal token;
    address internal constant ADMIN = address(0xA11CE);
    address internal constant OPERATOR = address(0x0B);
    address internal constant REQUESTER = address(0x5EED);
    address internal constant OTHER = address(0x0DD);
    bytes32 internal constant PROJECT = keccak256("project");

    function setUp() public {
        distributor = new RewardsDistributor(ADMIN, OPERATOR, 0);
        escrow = new TaskEscrow(ADMIN, OPERATOR, distributor);
        token = new TestToken();
        token.mint(REQUESTER, 1e30);
        token.mint(OTHER, 1e30);
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(token), true);
        vm.prank(REQUESTER);
        token.approve(address(escrow), type(uint256).max);
        vm.prank(OTHER);
        token.approve(address(escrow), type(uint256).max);
    }

    function _fund(uint256 amount, uint64 deadline) internal {
        vm.prank(REQUESTER);
        escrow.fund(PROJECT, address(token), amount, deadline);
    }

    function test_setTokenAllowed_adminOnly() public {
        assertTrue(escrow.isTokenAllowed(address(token)));
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, OTHER, bytes32(0))
        );
        vm.prank(OTHER);
        escrow.setTokenAllowed(address(token), false);
    }

    function test_fund_recordsRequesterAndDeadline() public {
        _fund(100, uint64(block.timestamp + 1 days));
        (address requester, uint64 deadline) = escrow.projectOf(PROJECT);
        assertEq(requester, REQUESTER);
        assertEq(deadline, block.timestamp + 1 days);
        assertEq(escrow.balanceOf(PROJECT, address(token)), 100);
        // A later funding can extend the deadline, never shorten it.
        _fund(50, uint64(block.timestamp + 2 days));
        _fund(50, uint64(block.timestamp + 1));
        (, deadline) = escrow.projectOf(PROJECT);
        assertEq(deadline, block.timestamp + 2 days);
        assertEq(escrow.balanceOf(PROJECT, address(token)), 200);
    }

    function test_fund_revertsForATokenNotAllowed() public {
        TestToken other = new TestToken();
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.TokenNotAllowed.selector, address(other)));
        escrow.fund(PROJECT, address(other), 1, uint64(block.timestamp + 1));
    }

    function test_fund_revertsOnZero() public {
        vm.expectRevert(ITaskEscrow.ZeroAmount.selector);
        _fund(0, uint64(block.timestamp + 1));
    }

    function test_fund_revertsOnAPastDeadline() public {
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.DeadlineInPast.selector, uint64(block.timestamp)));
        _fund(1, uint64(block.timestamp));
    }

    function test_fund_revertsForAnotherFunder() public {
        _fund(1, uint64(block.timestamp + 1));
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.NotRequester.selector, PROJECT, OTHER, REQUESTER));
        vm.prank(OTHER);
        escrow.fund(PROJECT, address(token), 1, uint64(block.timestamp + 1));
    }

    function test_fund_creditsWhatArrivesOfAFeeToken() public {
        FeeToken fee = new FeeToken();
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(fee), true);
        fee.approve(address(escrow), 1000);
        escrow.fund(PROJECT, address(fee), 1000, uint64(block.timestamp + 1));
        assertEq(escrow.balanceOf(PROJECT, address(fee)), 990);
    }

    function test_release_movesToTheDistributor() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 60);
        assertEq(escrow.balanceOf(PROJECT, address(token)), 40);
        assertEq(escrow.released(PROJECT, address(token)), 60);
        assertEq(distributor.totalFunded(address(token)), 60);
        assertEq(token.balanceOf(address(distributor)), 60);
    }

    function test_release_revertsForOthers() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, REQUESTER, escrow.OPERATOR_ROLE()
            )
        );
        vm.prank(REQUESTER);
        escrow.release(PROJECT, address(token), 1);
    }

    function test_release_revertsAboveTheBalance() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.expectRevert(
            abi.encodeWithSelector(ITaskEscrow.ReleaseExceedsBalance.selector, PROJECT, address(token), 101, 100)
        );
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 101);
    }

    function test_release_revertsOnZero() public {
        vm.expectRevert(ITaskEscrow.ZeroAmount.selector);
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 0);
    }

    function test_refund_afterTheDeadline() public {
        _fund(100, uint64(block.timestamp + 1 days));
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 30);
        uint256 before = token.balanceOf(REQUESTER);
        vm.warp(block.timestamp + 1 days);
        vm.prank(REQUESTER);
        escrow.refund(PROJECT, address(token));
        assertEq(token.balanceOf(REQUESTER) - before, 70);
        assertEq(escrow.balanceOf(PROJECT, address(token)), 0);
    }

    function test_refund_revertsBeforeTheDeadline() public {
        _fund(100, uint64(block.timestamp + 1 days));
        vm.expectRevert(
            abi.encodeWithSelector(ITaskEscrow.BeforeDeadline.selector, PROJECT, uint64(block.timestamp + 1 days))
        );
        vm.prank(REQUESTER);
        escrow.refund(PROJECT, address(token));
    }

    function test_refund_revertsForOthers() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.warp(block.timestamp + 2);
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.NotRequester.selector, PROJECT, OTHER, REQUESTER));
        vm.prank(OTHER);
        escrow.refund(PROJECT, address(token));
    }

    function test_refund_revertsWhenEmpty() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.warp(block.timestamp + 2);
        vm.startPrank(REQUESTER);
        escrow.refund(PROJECT, address(token));
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.NothingToRefund.selector, PROJECT, address(token)));
        escrow.refund(PROJECT, address(token));
        vm.stopPrank();
    }

    /// @dev Whatever is funded, released and refunded, the escrow's books match the tokens it holds and pays.
    function testFuzz_escrowArithmetic(uint128 fundedSeed, uint128 released, bool refund) public {
        uint256 funded = bound(fundedSeed, 1, 1e30);
        uint256 rel = bound(released, 0, funded);
        _fund(funded, uint64(block.timestamp + 1));
        if (rel > 0) {
            vm.prank(OPERATOR);
            escrow.release(PROJECT, address(token), rel);
        }
        uint256 before = token.balanceOf(REQUESTER);
        if (refund && funded > rel) {
            vm.warp(block.timestamp + 1);
            vm.prank(REQUESTER);
            escrow.refund(PROJECT, address(token));
            assertEq(token.balanceOf(REQUESTER) - before, funded - rel, "refund is what was left");
        }
        assertEq(
            token.balanceOf(address(escrow)), escrow.balanceOf(PROJECT, address(token)), "escrow holds its books"
        );
        assertEq(distributor.totalFunded(address(token)), rel, "the distributor got what was released");
    }

    function test_setTokenAllowed_stopsNewFundingOnly() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.expectEmit(true, false, false, true, address(escrow));
        emit ITaskEscrow.TokenAllowed(address(token), false);
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(token), false);
        assertTrue(!escrow.isTokenAllowed(address(token)));
        vm.expectRevert(abi.encodeWithSelector(ITaskEscrow.TokenNotAllowed.selector, address(token)));
        _fund(1, uint64(block.timestamp + 1));
        // What was funded can still be released and refunded.
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 40);
        vm.warp(block.timestamp + 1);
        vm.prank(REQUESTER);
        escrow.refund(PROJECT, address(token));
        assertEq(escrow.balanceOf(PROJECT, address(token)), 0);
    }

    function test_fund_emitsFundedWithTheLaterDeadline() public {
        uint64 later = uint64(block.timestamp + 2 days);
        _fund(100, later);
        vm.expectEmit(true, true, false, true, address(escrow));
        emit ITaskEscrow.Funded(PROJECT, address(token), REQUESTER, 5, later);
        _fund(5, uint64(block.timestamp + 1 days));
    }

    function test_fund_keepsProjectsAndTokensApart() public {
        TestToken second = new TestToken();
        second.mint(OTHER, 1e30);
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(second), true);
        _fund(100, uint64(block.timestamp + 1));
        vm.startPrank(OTHER);
        second.approve(address(escrow), type(uint256).max);
        escrow.fund(keccak256("other"), address(second), 7, uint64(block.timestamp + 5));
        escrow.fund(keccak256("other"), address(token), 3, uint64(block.timestamp + 5));
        vm.stopPrank();
        assertEq(escrow.balanceOf(PROJECT, address(token)), 100);
        assertEq(escrow.balanceOf(PROJECT, address(second)), 0);
        assertEq(escrow.balanceOf(keccak256("other"), address(second)), 7);
        assertEq(escrow.balanceOf(keccak256("other"), address(token)), 3);
        (address requester,) = escrow.projectOf(keccak256("other"));
        assertEq(requester, OTHER);
        vm.expectRevert(
            abi.encodeWithSelector(ITaskEscrow.ReleaseExceedsBalance.selector, PROJECT, address(second), 1, 0)
        );
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(second), 1);
    }

    function test_fund_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        re.mint(address(this), 100);
        re.approve(address(escrow), 100);
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(re), true);
        re.arm(address(this), address(escrow), abi.encodeCall(escrow.fund, (PROJECT, address(re), 1, 1e9)));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        escrow.fund(PROJECT, address(re), 10, uint64(block.timestamp + 1));
    }

    function test_release_emitsReleased() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.expectEmit(true, true, false, true, address(escrow));
        emit ITaskEscrow.Released(PROJECT, address(token), 60);
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(token), 60);
        assertEq(token.allowance(address(escrow), address(distributor)), 0, "no allowance left behind");
    }

    function test_release_creditsTheDistributorWhatArrivesOfAFeeToken() public {
        FeeToken fee = new FeeToken();
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(fee), true);
        fee.approve(address(escrow), 10_000);
        escrow.fund(PROJECT, address(fee), 10_000, uint64(block.timestamp + 1));
        vm.prank(OPERATOR);
        escrow.release(PROJECT, address(fee), 5_000);
        assertEq(escrow.balanceOf(PROJECT, address(fee)), 4_900);
        assertEq(fee.balanceOf(address(escrow)), 4_900, "the escrow holds its books");
        assertEq(distributor.totalFunded(address(fee)), 4_950, "the distributor counts what arrived");
    }

    function test_release_revertsForAnUnknownProject() public {
        vm.expectRevert(
            abi.encodeWithSelector(ITaskEscrow.ReleaseExceedsBalance.selector, keccak256("none"), address(token), 1, 0)
        );
        vm.prank(OPERATOR);
        escrow.release(keccak256("none"), address(token), 1);
    }

    function test_refund_emitsRefunded() public {
        _fund(100, uint64(block.timestamp + 1));
        vm.warp(block.timestamp + 1); // at the deadline is after it enough
        vm.expectEmit(true, true, false, true, address(escrow));
        emit ITaskEscrow.Refunded(PROJECT, address(token), REQUESTER, 100);
        vm.prank(REQUESTER);
        escrow.refund(PROJECT, address(token));
    }

    function test_refund_revertsForAnUnknownProject() public {
        vm.expectRevert(
            abi.encodeWithSelector(ITaskEscrow.NotRequester.selector, keccak256("none"), REQUESTER, address(0))
        );
        vm.prank(REQUESTER);
        escrow.refund(keccak256("none"), address(token));
    }

    function test_refund_revertsOnReentry() public {
        ReentrantToken re = new ReentrantToken();
        re.mint(REQUESTER, 100);
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(re), true);
        vm.startPrank(REQUESTER);
        re.approve(address(escrow), 100);
        escrow.fund(PROJECT, address(re), 100, uint64(block.timestamp + 1));
        vm.stopPrank();
        vm.warp(block.timestamp + 1);
        // Paying the refund calls refund again (as the token: not the requester, but the guard answers first).
        re.arm(address(escrow), address(escrow), abi.encodeCall(escrow.refund, (PROJECT, address(re))));
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        vm.prank(REQUESTER);
        escrow.refund(PROJECT, address(re));
    }

    /// @dev The same books with a token that keeps 1% of every transfer: what arrives is what is credited.
    function testFuzz_escrowArithmetic_feeToken(uint128 fundedSeed, uint128 releasedSeed, bool refund) public {
        FeeToken fee = new FeeToken();
        vm.prank(ADMIN);
        escrow.setTokenAllowed(address(fee), true);
        fee.transfer(REQUESTER, 1e29);
        vm.prank(REQUESTER);
        fee.approve(address(escrow), type(uint256).max);
        uint256 amount = bound(fundedSeed, 1, 1e28);
        vm.prank(REQUESTER);
        escrow.fund(PROJECT, address(fee), amount, uint64(block.timestamp + 1));
        uint256 credited = amount - amount / 100;
        assertEq(escrow.balanceOf(PROJECT, address(fee)), credited, "credited what arrived");
        uint256 rel = bound(releasedSeed, 0, credited);
        if (rel > 0) {
            vm.prank(OPERATOR);
            escrow.release(PROJECT, address(fee), rel);
        }
        assertEq(distributor.totalFunded(address(fee)), rel - rel / 100, "the distributor counts what arrived");
        assertEq(fee.balanceOf(address(distributor)), distributor.totalFunded(address(fee)));
        if (refund && credited > rel) {
            uint256 before = fee.balanceOf(REQUESTER);
            vm.warp(block.timestamp + 1);
            vm.prank(REQUESTER);
            escrow.refund(PROJECT, address(fee));
            uint256 left = credited - rel;
            assertEq(fee.balanceOf(REQUESTER) - before, left - left / 100, "refund is what was left, less the fee");
        }
        assertEq(fee.balanceOf(address(escrow)), escrow.balanceOf(PROJECT, address(fee)), "escrow holds its books");
    }
}
