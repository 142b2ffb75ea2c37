// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {CaravanToken} from "../CaravanToken.sol";
import {PartnerToken} from "../PartnerToken.sol";
import {Test} from "./utils/Vm.sol";

contract CaravanTokenTest is Test {
    CaravanToken internal token;
    address internal constant HOLDER = address(0x401D);

    function setUp() public {
        token = new CaravanToken(HOLDER);
    }

    function test_constructor_mintsTenBillionOnce() public view {
        assertEq(token.totalSupply(), 10_000_000_000 ether);
        assertEq(token.balanceOf(HOLDER), 10_000_000_000 ether);
        assertEq(token.decimals(), 18);
    }

    function test_constructor_namesTheToken() public view {
        assertEq(keccak256(bytes(token.name())), keccak256("Caravan"));
        // The symbol the web app shows too (src/web/lib/format.ts TOKEN_SYMBOL).
        assertEq(keccak256(bytes(token.symbol())), keccak256("CRV"));
    }

    function test_mint_doesNotExist() public {
        (bool ok,) = address(token).call(abi.encodeWithSignature("mint(address,uint256)", HOLDER, 1));
        assertTrue(!ok, "no mint function");
        assertEq(token.totalSupply(), 10_000_000_000 ether);
    }

    function test_permit_setsAllowanceFromASignature() public {
        uint256 key = 0xA11CE;
        address owner = vm.addr(key);
        vm.prank(HOLDER);
        token.transfer(owner, 100);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                HOLDER,
                40,
                token.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        token.permit(owner, HOLDER, 40, deadline, v, r, s);
        assertEq(token.allowance(owner, HOLDER), 40);
        assertEq(token.nonces(owner), 1);
    }

    function test_delegate_countsVotes() public {
        vm.prank(HOLDER);
        token.delegate(HOLDER);
        assertEq(token.getVotes(HOLDER), 10_000_000_000 ether);
        vm.prank(HOLDER);
        token.transfer(address(0xB0B), 1 ether);
        assertEq(token.getVotes(HOLDER), 10_000_000_000 ether - 1 ether);
    }

    function test_partnerToken_mintsItsSupply() public {
        PartnerToken p = new PartnerToken("Partner", "PRT", 500, HOLDER);
        assertEq(p.totalSupply(), 500);
        assertEq(p.balanceOf(HOLDER), 500);
    }
}
