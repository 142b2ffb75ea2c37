// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ITaskEscrow} from "../interfaces/ITaskEscrow.sol";
import {RewardsDistributor} from "../RewardsDistributor.sol";
import {TaskEscrow} from "../TaskEscrow.sol";
import {FeeToken, TestToken} from "./TestTokens.sol";
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
}
