// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AssetRegistry} from "../AssetRegistry.sol";
import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {TestToken} from "./TestTokens.sol";
import {Test} from "./utils/Vm.sol";

/// @notice Share leaves as the registry proves them: `(address account, uint256 weight)`, double-hashed.
library ShareLeaf {
    function hash(address account, uint256 weight) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, weight))));
    }
}

/// @notice A registry with a 5% fee, one allowed currency, and helpers to register assets.
abstract contract MarketplaceBase is Test {
    AssetRegistry internal r;
    TestToken internal token;
    address internal constant ADMIN = address(0xA11CE);
    address internal constant REGISTRAR = address(0x0B);
    address internal constant GOVERNOR = address(0x60F);
    address internal constant FEES = address(0xFEE5);
    address internal constant ALICE = address(0x1001);
    address internal constant BOB = address(0x1002);
    address internal constant CAROL = address(0x1003);
    address internal constant DAVE = address(0x1004);
    address internal constant BUYER = address(0xB1);
    uint16 internal constant FEE_BPS = 500;
    uint256 private _salt;

    function setUp() public virtual {
        r = new AssetRegistry(ADMIN, REGISTRAR, GOVERNOR, FEES, FEE_BPS);
        token = new TestToken();
        vm.prank(ADMIN);
        r.setCurrencyAllowed(address(token), true);
        token.mint(address(this), 1e30);
        token.approve(address(r), type(uint256).max);
        token.mint(BUYER, 1e30);
        vm.prank(BUYER);
        token.approve(address(r), type(uint256).max);
    }

    function _terms(bool derivatives, uint16 parentShareBps, uint256 price, uint64 durationSeconds)
        internal
        view
        returns (IAssetRegistry.Terms memory)
    {
        return IAssetRegistry.Terms({
            commercialUse: true,
            derivativesAllowed: derivatives,
            parentShareBps: parentShareBps,
            price: price,
            currency: address(token),
            durationSeconds: durationSeconds,
            attributionRequired: true
        });
    }

    function _noParents() internal pure returns (IAssetRegistry.Parent[] memory) {
        return new IAssetRegistry.Parent[](0);
    }

    function _parents(uint256 a) internal pure returns (IAssetRegistry.Parent[] memory p) {
        p = new IAssetRegistry.Parent[](1);
        p[0] = IAssetRegistry.Parent(a, IAssetRegistry.Relation.DerivedFrom);
    }

    function _parents(uint256 a, uint256 b) internal pure returns (IAssetRegistry.Parent[] memory p) {
        p = new IAssetRegistry.Parent[](2);
        p[0] = IAssetRegistry.Parent(a, IAssetRegistry.Relation.TrainedOn);
        p[1] = IAssetRegistry.Parent(b, IAssetRegistry.Relation.FineTunedFrom);
    }

    /// @dev Registers an asset of `owner` (open to derivatives, free licenses) with the given parents and share.
    function _asset(address owner, uint16 parentShareBps, IAssetRegistry.Parent[] memory parents)
        internal
        returns (uint256)
    {
        // No call to the registry before `register`: a test's prank or expectRevert must reach it.
        bytes32 contentHash = keccak256(abi.encode(owner, ++_salt));
        vm.prank(owner);
        return r.register(
            IAssetRegistry.Kind.Dataset, contentHash, "ipfs://meta", _terms(true, parentShareBps, 0, 0), parents
        );
    }

    /// @dev A community dataset of the registrar whose four co-owners (alice, bob, carol, dave) hold 1, 2, 3 and 4
    /// of 10; returns its id and the leaves (for proofs with Merkle.tree4).
    function _communityAsset() internal returns (uint256 id, bytes32[4] memory leaves) {
        vm.prank(REGISTRAR);
        id = r.registerFor(
            REGISTRAR,
            IAssetRegistry.Kind.Dataset,
            keccak256("community"),
            "ipfs://c",
            _terms(true, 0, 0, 0),
            _noParents()
        );
        leaves = [ShareLeaf.hash(ALICE, 1), ShareLeaf.hash(BOB, 2), ShareLeaf.hash(CAROL, 3), ShareLeaf.hash(DAVE, 4)];
    }

    /// @dev The fee the vault keeps of `amount`.
    function _net(uint256 amount) internal pure returns (uint256) {
        return amount - (amount * FEE_BPS) / 10_000;
    }
}
